/* news-archive: small conveniences on every page. Everything here is optional: pages read the same
 * without JavaScript. "/" focuses the search box; a live blog can be read oldest first. */
(function () {
  "use strict";

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var box = document.getElementById("search-q") || document.querySelector(".search-input");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Oldest first: reverse the updates in place; the button says which way they read now.
  var toggle = document.querySelector(".order-toggle");
  var updates = document.querySelector(".updates");
  if (toggle && updates) {
    var original = toggle.getAttribute("data-order") || "newest-first";
    toggle.parentNode.hidden = false;
    toggle.textContent = original === "newest-first" ? "Read oldest first" : "Read newest first";
    toggle.addEventListener("click", function () {
      var items = Array.prototype.slice.call(updates.children);
      for (var i = items.length - 1; i >= 0; i--) updates.appendChild(items[i]);
      var reversed = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", reversed ? "true" : "false");
    });
  }
})();
