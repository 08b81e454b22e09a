// Hovering or focusing a citation, source or fact column highlights every
// element that refers to the same source number.
(function () {
  function mark(event, on) {
    var el = event.target.closest && event.target.closest("[data-source]");
    if (!el) return;
    var all = document.querySelectorAll('[data-source="' + el.getAttribute("data-source") + '"]');
    for (var i = 0; i < all.length; i++) all[i].classList.toggle("hl", on);
  }
  document.addEventListener("mouseover", function (e) { mark(e, true); });
  document.addEventListener("mouseout", function (e) { mark(e, false); });
  document.addEventListener("focusin", function (e) { mark(e, true); });
  document.addEventListener("focusout", function (e) { mark(e, false); });
})();
