// ESLint (flat config): `make lint` checks the site's JavaScript and its unit tests with
// the recommended rules. static/js/rooms/ holds ES modules (the room client); the other
// scripts of static/js/ are classic scripts, loaded with `defer`.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
  {
    files: ["static/js/rooms/**/*.js"],
    languageOptions: { sourceType: "module" },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
];
