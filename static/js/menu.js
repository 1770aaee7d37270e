// The phone menu (templates/base.html). Without JavaScript the "Menu" link opens it
// through CSS :target; here it becomes a disclosure button that says whether the menu is
// open (aria-expanded), closes with Escape and gives focus back to the button.
(function () {
  "use strict";

  function enhance() {
    const link = document.querySelector("[data-menu-toggle]");
    if (!link) return;
    const menu = document.getElementById(link.getAttribute("href").slice(1));
    const header = link.closest(".site-header");
    if (!menu || !header) return;

    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", menu.id);
    link.replaceWith(button);
    const close = menu.querySelector(".menu-close");
    if (close) close.remove();

    function setOpen(open) {
      button.setAttribute("aria-expanded", String(open));
      header.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
