/* The seat map's clicks: one listener for the whole page, since the map's buttons are redrawn on every change.
   seatClicked is the page's remote command; the seat's id travels as the request parameter "seat". */
document.addEventListener('click', function (event) {
    var seat = event.target.closest ? event.target.closest('button[data-seat]') : null;
    if (seat && typeof window.seatClicked === 'function') {
        window.seatClicked([{name: 'seat', value: seat.getAttribute('data-seat')}]);
    }
});
