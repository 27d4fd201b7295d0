// A person as lists show them: their avatar, their name, and their GitHub login and e-mail beneath it.
import { Avatar } from "./avatar";

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
      <Avatar name={name} url={avatarUrl} />
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
