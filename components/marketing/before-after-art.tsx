/**
 * The landing page's picture of the product: the same figure before and
 * after a try-on, drawn in SVG (no photo of a real person, nothing to load).
 * Decorative: the text beside it says what it shows.
 */
function Figure({ after }: { after: boolean }) {
  return (
    <svg viewBox="0 0 240 320" className="h-full w-full" aria-hidden="true" focusable="false">
      <rect width="240" height="320" fill={after ? '#eef2ff' : '#f1f5f9'} />
      <circle cx="120" cy="70" r="30" fill="#c8936b" />
      <rect x="108" y="96" width="24" height="16" fill="#c8936b" />
      {after ? (
        <>
          <rect x="66" y="108" width="108" height="116" rx="26" fill="#1d4ed8" />
          {[128, 150, 172, 194].map((y) => (
            <rect key={y} x="66" y={y} width="108" height="8" fill="#ffffff" fillOpacity="0.45" />
          ))}
          <rect x="44" y="114" width="26" height="84" rx="12" fill="#1d4ed8" />
          <rect x="170" y="114" width="26" height="84" rx="12" fill="#1d4ed8" />
        </>
      ) : (
        <>
          <rect x="66" y="108" width="108" height="116" rx="26" fill="#94a3b8" />
          <rect x="44" y="114" width="26" height="84" rx="12" fill="#94a3b8" />
          <rect x="170" y="114" width="26" height="84" rx="12" fill="#94a3b8" />
        </>
      )}
      <rect x="76" y="220" width="38" height="92" rx="12" fill="#334155" />
      <rect x="126" y="220" width="38" height="92" rx="12" fill="#334155" />
    </svg>
  );
}

export function BeforeAfterArt() {
  return (
    <div className="relative mx-auto w-full max-w-md">
      <div className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-200 bg-white p-3 shadow-xl shadow-slate-900/10">
        {(['Before', 'After'] as const).map((label) => (
          <figure key={label} className="relative aspect-[3/4] overflow-hidden rounded-xl">
            <Figure after={label === 'After'} />
            <figcaption className="absolute top-2 left-2 rounded-md bg-slate-900/80 px-2 py-0.5 text-xs font-semibold text-white">
              {label}
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="absolute -bottom-5 left-1/2 w-max max-w-[92%] -translate-x-1/2 rounded-full border border-slate-200 bg-white px-4 py-1.5 text-center text-sm text-slate-800 shadow-md">
        <span className="font-semibold">Striped top</span> · ready in about a minute · 1 credit
      </div>
    </div>
  );
}
