type Labels = { title: string; facebook: string; zalo: string; x: string; email: string; emailName: string };

// Plain links to each network's share page: no widgets, no third-party scripts.
export function ShareLinks({ url, title, labels }: { url: string; title: string; labels: Labels }) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const links = [
    { href: `https://www.facebook.com/sharer/sharer.php?u=${u}`, label: labels.facebook, name: "Facebook" },
    { href: `https://sp.zalo.me/share_inline?url=${u}`, label: labels.zalo, name: "Zalo" },
    { href: `https://x.com/intent/post?url=${u}&text=${text}`, label: labels.x, name: "X" },
    { href: `mailto:?subject=${text}&body=${u}`, label: labels.email, name: labels.emailName },
  ];
  return (
    <section aria-labelledby="share-title" className="no-print mt-8">
      <h2 id="share-title" className="text-sm font-semibold uppercase tracking-wide text-stone-600">{labels.title}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.name}>
            <a href={l.href} aria-label={l.label} rel="noopener noreferrer" target={l.href.startsWith("mailto:") ? undefined : "_blank"} className="inline-block rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-100">
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
