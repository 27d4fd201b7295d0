// A person as lists show them: their avatar, their name, and their GitHub login and e-mail beneath it.
export function PersonName({ name, githubLogin, email, avatarUrl, note }: {
  name: string;
  githubLogin: string | null;
  email: string | null;
  avatarUrl: string | null;
  /** beside the name, e.g. "you" */
  note?: string;
}) {
  return (
    <div className="flex items-center gap-3">
      {avatarUrl ? (
        // Decorative (the name is beside it); GitHub's avatar host is allowed by the CSP, next/image is not set up for it.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={avatarUrl} alt="" width={32} height={32} className="size-8 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      ) : (
        <span aria-hidden className="size-8 shrink-0 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      )}
      <div>
        <div className="font-medium">
          {name}
          {note && <span className="ml-1 text-xs font-normal text-zinc-600 dark:text-zinc-400">({note})</span>}
        </div>
        <div className="text-xs text-zinc-600 dark:text-zinc-400">{[githubLogin && `@${githubLogin}`, email].filter(Boolean).join(" · ")}</div>
      </div>
    </div>
  );
}
