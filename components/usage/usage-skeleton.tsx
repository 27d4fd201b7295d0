// What the usage pages show while their figures load: the page's heading and grey shapes where the figures,
// charts and table will be, announced once as loading.

const block = "animate-pulse rounded-xl bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800";

export function UsageSkeleton({ title, cards, charts }: { title: string; cards: number; charts: number }) {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <div role="status" aria-busy="true" className="space-y-6">
        <span className="sr-only">Loading usage…</span>
        <div className={`h-16 ${block}`} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: cards }, (_, i) => <div key={i} className={`h-28 ${block}`} />)}
        </div>
        {Array.from({ length: charts }, (_, i) => <div key={i} className={`h-80 ${block}`} />)}
        <div className={`h-64 ${block}`} />
      </div>
    </>
  );
}
