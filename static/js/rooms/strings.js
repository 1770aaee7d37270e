// The client's words and addresses, translated and built by the server
// (templates/rooms/_client_strings.html): the CSP forbids inline script, so
// they travel in an inert <template id="room-strings">.

// Where an address pattern carries the number the script puts in.
export const SEQ_SLOT = "999999999";

// "{name} écrit…" with {name: "Anna"} gives "Anna écrit…".
export function fill(text, params) {
  let result = text;
  for (const [name, value] of Object.entries(params || {})) {
    result = result.split("{" + name + "}").join(String(value));
  }
  return result;
}

export function stringsFrom(template) {
  function t(key, params) {
    const node = template.content.querySelector('[data-key="' + key + '"]');
    return fill(node ? node.textContent.trim() : key, params);
  }
  function url(kind, id) {
    const pattern = template.dataset["url" + kind[0].toUpperCase() + kind.slice(1)];
    return pattern ? pattern.replace(SEQ_SLOT, String(id)) : "";
  }
  return { t, url };
}
