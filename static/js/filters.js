// Progressive enhancement of a filter form (form[data-filters]).
//
// Without this file the form is a plain GET form and every filter, chip and page number a
// plain link. With it: changing a select applies the filters at once; submitting, and
// following a link to the same list, fetch the new page and swap in the form (its counts
// change) and the results region, push the address to the history, and announce the
// number of results in a polite live region. Any failure falls back to a normal load.
(function () {
  "use strict";

  var form = document.querySelector("form[data-filters]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  var regionId = form.getAttribute("data-filters-region");
  var status = document.getElementById(form.getAttribute("data-filters-status"));
  var listPath = new URL(form.action, window.location.href).pathname;
  var pending = null;

  function region() {
    return document.getElementById(regionId);
  }

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return listPath + (query ? "?" + query : "");
  }

  function swap(doc, focusResults) {
    var newForm = doc.getElementById(form.id);
    var newRegion = doc.getElementById(regionId);
    if (!newForm || !newRegion) {
      return false;
    }
    var focusedId = document.activeElement && form.contains(document.activeElement)
      ? document.activeElement.id
      : null;
    form.innerHTML = newForm.innerHTML;
    region().replaceWith(document.importNode(newRegion, true));
    // Other parts of the page that say something about the results (the jump link's
    // count) follow them: each is marked data-filters-refresh and has an id.
    document.querySelectorAll("[data-filters-refresh]").forEach(function (old) {
      var fresh = doc.getElementById(old.id);
      if (fresh) {
        old.replaceWith(document.importNode(fresh, true));
      }
    });
    document.title = doc.title;
    if (focusedId && document.getElementById(focusedId)) {
      document.getElementById(focusedId).focus();
    }
    var count = region().querySelector("h2");
    if (status && count) {
      status.textContent = count.textContent.replace(/\s+/g, " ").trim();
    }
    if (focusResults && count) {
      // After a link (a page number, a removed filter) the link itself is gone: the
      // reader continues from the top of the new results.
      count.setAttribute("tabindex", "-1");
      count.focus();
    }
    return true;
  }

  function load(url, push, focusResults) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    region().setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (!swap(doc, focusResults)) {
          throw new Error("unexpected page");
        }
        if (push) {
          window.history.pushState({ filters: true }, "", url);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
      })
      .finally(function () {
        var current = region();
        if (current) {
          current.removeAttribute("aria-busy");
        }
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") {
      load(formUrl(), true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(formUrl(), true);
  });

  // Links to the same list (remove a filter, a keyword, another page) load in place.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    if (!form.contains(link) && !region().contains(link)) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== listPath) {
      return;
    }
    event.preventDefault();
    load(url.pathname + url.search, true, true);
  });

  window.addEventListener("popstate", function () {
    if (window.location.pathname === listPath) {
      load(window.location.pathname + window.location.search, false);
    }
  });
})();
