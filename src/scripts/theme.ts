// Theme toggle. The inline head script already applied the stored or system theme (no flash);
// this wires the button, persists the choice, and follows the system until the reader chooses.
const KEY = "theme";
type Theme = "light" | "dark";

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === "dark" || v === "light" ? v : null;
  } catch {
    return null; // storage disabled: behave as if nothing was stored
  }
}

function apply(theme: Theme, button: HTMLButtonElement | null): void {
  document.documentElement.setAttribute("data-theme", theme);
  button?.setAttribute("aria-pressed", String(theme === "dark"));
}

export function initTheme(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-theme-toggle]");
  const media = matchMedia("(prefers-color-scheme: dark)");
  const current = (): Theme => (document.documentElement.getAttribute("data-theme") === "dark" ? "dark" : "light");
  apply(current(), button);
  media.addEventListener("change", (e) => {
    if (!stored()) apply(e.matches ? "dark" : "light", button);
  });
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const next: Theme = current() === "dark" ? "light" : "dark";
    apply(next, button);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* not persisted; the toggle still works for this page */
    }
  });
}
