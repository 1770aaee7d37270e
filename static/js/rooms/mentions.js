// Mentions: completion while typing "@…". The textarea keeps the focus
// (aria-autocomplete="list", aria-activedescendant): arrows move through the list of the
// room's members, Enter or Tab inserts "@[Full Name] ", Escape closes; the number of
// suggestions is announced politely. Without JavaScript, or without choosing, "@Camille"
// typed by hand works too (the server matches it).

import { el } from "./dom.js";

const SHOWN_AT_MOST = 8;
const ASK_AFTER_MS = 150;

// The "@…" being typed just before the caret: {start, text}, or null.
export function typedMention(value, caret) {
  const match = /(^|[\s(])@([^\s@[\]]{0,40})$/u.exec(value.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, text: match[2] } : null;
}

export function enhanceMentions({ section, textarea, t }) {
  const membersUrl = section.dataset.membersUrl;
  if (!membersUrl) {
    return;
  }
  const list = el("ul", {
    id: "mention-list", role: "listbox", className: "mention-list", hidden: true,
    "aria-label": t("mention_list"),
  });
  const status = el("p", { className: "visually-hidden", role: "status", "aria-live": "polite" });
  textarea.after(list, status);
  textarea.setAttribute("aria-autocomplete", "list");
  textarea.setAttribute("aria-controls", "mention-list");
  let people = [];
  let active = -1;
  let start = -1;
  let timer = null;
  let asked = 0;

  function close() {
    people = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    textarea.removeAttribute("aria-activedescendant");
  }
  function setActive(index) {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    textarea.setAttribute("aria-activedescendant", "mention-option-" + index);
  }
  function choose(index) {
    const person = people[index];
    const caret = textarea.selectionStart;
    const inserted = "@[" + person.name + "] ";
    textarea.value = textarea.value.slice(0, start) + inserted + textarea.value.slice(caret);
    const position = start + inserted.length;
    textarea.setSelectionRange(position, position);
    close();
    status.textContent = t("mention_inserted", { name: person.name });
    textarea.focus();
  }
  function show(found) {
    people = found.slice(0, SHOWN_AT_MOST);
    if (!people.length) {
      close();
      status.textContent = "";
      return;
    }
    list.replaceChildren(...people.map((person, index) => {
      const option = el("li", {
        id: "mention-option-" + index, role: "option", "aria-selected": "false", text: person.name,
      });
      option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus
      option.addEventListener("click", () => choose(index));
      return option;
    }));
    list.hidden = false;
    setActive(0);
    status.textContent = people.length === 1
      ? t("mention_one", { name: people[0].name })
      : t("mention_many", { count: people.length });
  }
  async function lookUp(query) {
    const ticket = ++asked;
    try {
      const response = await fetch(membersUrl + "?q=" + encodeURIComponent(query.text), {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (!response.ok || ticket !== asked) {
        return;
      }
      const data = await response.json();
      if (ticket === asked) {
        start = query.start;
        show(Array.isArray(data.people) ? data.people : []);
      }
    } catch {
      close(); // no suggestions offline: typing "@Name" by hand still works
    }
  }
  textarea.addEventListener("input", () => {
    const query = typedMention(textarea.value, textarea.selectionStart);
    window.clearTimeout(timer);
    if (!query) {
      asked += 1;
      close();
      return;
    }
    timer = window.setTimeout(() => lookUp(query), ASK_AFTER_MS);
  });
  textarea.addEventListener("keydown", (event) => {
    if (list.hidden || !people.length) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + people.length) % people.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0 && !event.shiftKey) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  textarea.addEventListener("blur", () => window.setTimeout(close, 150));
}
