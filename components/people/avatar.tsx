"use client";
// A person's picture, or their initials when they have none or it cannot be loaded (GitHub's CDN unreachable, as
// always in the local demo): never a broken image. Decorative: the name is always written beside it.
import { useState } from "react";
import { initialsOf } from "@/lib/initials";

const CIRCLE = "size-8 shrink-0 rounded-full bg-zinc-200 dark:bg-zinc-800";

export function Avatar({ name, url }: { name: string; url: string | null }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <span aria-hidden data-testid="avatar-initials" className={`${CIRCLE} flex items-center justify-center text-xs font-medium text-zinc-700 dark:text-zinc-300`}>
        {initialsOf(name)}
      </span>
    );
  }
  return (
    // GitHub's avatar host is allowed by the CSP, next/image is not set up for it.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={url} alt="" width={32} height={32} className={CIRCLE} onError={() => setFailed(true)}
      // an image that failed before React hydrated fired its error event unheard: look once it is attached
      ref={(img) => { if (img?.complete && img.naturalWidth === 0) setFailed(true); }}
    />
  );
}
