// Completion of the search boxes (templates/search/includes/search_box.html).
//
// Without this file each box is a plain GET form to /recherche/. With it, the input
// becomes a combobox (WAI-ARIA 1.2, list popup): as people type, the titles and names
// that complete their words (/recherche/suggestions/, accents folded) are listed below
// it; Up and Down move through them (aria-activedescendant: the focus stays in the
// input), Enter opens the one chosen, Escape closes the list, and Enter without a
// choice searches as usual. How many suggestions there are is said politely.
(function () {
  "use strict";

  var DELAY = 150;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(box) {
    var input = box.querySelector("input[type=search]");
    var template = box.querySelector("template");
    if (!input || !template || !window.fetch) {
      return;
    }
    counter += 1;
    var listbox = document.createElement("ul");
    listbox.id = "search-complete-" + counter;
    listbox.className = "search-complete";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", box.getAttribute("data-search-label") || "");
    listbox.hidden = true;
    // The live region that says how many suggestions there are is added at the first
    // suggestions, not on every page.
    var status = null;
    box.appendChild(listbox);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var url = box.getAttribute("data-search-complete");
    var timer = null;
    var pending = null;
    var active = -1;
    var shownFor = null;

    function options() {
      return listbox.querySelectorAll("[role=option]");
    }

    function setActive(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", String(i === index));
      });
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (options().length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function announce(count) {
      if (!status) {
        if (!count) {
          return;
        }
        status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        box.appendChild(status);
      }
      if (!count) {
        status.textContent = "";
        return;
      }
      var one = box.getAttribute("data-search-one") || "";
      var many = box.getAttribute("data-search-many") || "";
      status.textContent = count === 1 ? one : many.replace("{count}", String(count));
    }

    function render(suggestions) {
      listbox.replaceChildren();
      suggestions.forEach(function (suggestion, i) {
        var option = template.content.firstElementChild.cloneNode(true);
        option.id = listbox.id + "-" + i;
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        option.querySelector(".search-complete__label").textContent = suggestion.label;
        option.querySelector(".search-complete__kind").textContent = suggestion.kind;
        listbox.appendChild(option);
      });
      setActive(-1);
      announce(suggestions.length);
      if (suggestions.length && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    function complete() {
      var value = input.value.trim();
      if (value === shownFor) {
        open();
        return;
      }
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (value.length < MIN_LENGTH) {
        shownFor = null;
        render([]);
        return;
      }
      pending = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(value), {
        credentials: "same-origin",
        signal: pending.signal,
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (data) {
          shownFor = value;
          render(Array.isArray(data.suggestions) ? data.suggestions : []);
        })
        .catch(function () {
          // No completion this time (aborted, offline…): the form still searches.
        });
    }

    function follow(option) {
      var target = option && option.getAttribute("data-url");
      if (target) {
        window.location.assign(target);
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(complete, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!count) {
          return;
        }
        event.preventDefault();
        if (listbox.hidden) {
          open();
        }
        // From the input (-1) through the options and back to the input.
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= count) {
          next = -1;
        } else if (next < -1) {
          next = count - 1;
        }
        setActive(next);
      } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
        event.preventDefault();
        follow(options()[active]);
      } else if (event.key === "Escape" && !listbox.hidden) {
        // Only the list closes: not the box or the phone menu around it.
        event.preventDefault();
        event.stopPropagation();
        close();
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      // After a click on an option (its mousedown keeps the focus here).
      window.setTimeout(close, 150);
    });

    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    listbox.addEventListener("click", function (event) {
      follow(event.target.closest("[role=option]"));
    });
  }

  // The header's button that discloses its search box (the link to it, without
  // JavaScript): it says whether the box is open, puts the focus in it, and Escape
  // closes it and gives the focus back.
  function disclose(link) {
    var wrapper = link.closest(".site-search");
    var form = document.getElementById(link.getAttribute("href").slice(1));
    if (!wrapper || !form) {
      return;
    }
    var input = form.querySelector("input[type=search]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.append.apply(button, Array.from(link.childNodes));
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", form.id);
    link.replaceWith(button);
    var closer = form.querySelector(".site-search__close");
    if (closer) {
      closer.remove();
    }

    function setOpen(open) {
      wrapper.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", String(open));
      if (open && input) {
        input.focus();
      }
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.stopPropagation();
        setOpen(false);
        button.focus();
      }
    });
  }

  document.querySelectorAll("[data-search-complete]").forEach(enhance);
  document.querySelectorAll("[data-search-toggle]").forEach(disclose);
})();
