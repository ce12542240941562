// Marks the on-page TOC entry of the section being read (aria-current="location").
export function initTocSpy(): void {
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']"));
  if (!links.length || !("IntersectionObserver" in window)) return;
  const byId = new Map<string, HTMLAnchorElement>();
  const targets: HTMLElement[] = [];
  for (const a of links) {
    let id = a.getAttribute("href")!.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* raw id */
    }
    const t = document.getElementById(id);
    if (t) {
      byId.set(id, a);
      targets.push(t);
    }
  }
  const visible = new Set<Element>();
  let last: HTMLAnchorElement | null = null;
  const update = () => {
    // The first heading in view, else the last one scrolled past.
    let current = targets.find((t) => visible.has(t));
    if (!current) current = [...targets].reverse().find((t) => t.getBoundingClientRect().top < 0);
    const a = current ? byId.get(current.id) ?? null : null;
    if (a === last) return;
    last?.removeAttribute("aria-current");
    a?.setAttribute("aria-current", "location");
    last = a;
  };
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
    update();
  }, { rootMargin: "-64px 0px -55% 0px" });
  targets.forEach((t) => io.observe(t));
}
