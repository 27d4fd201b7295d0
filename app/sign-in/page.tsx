import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignInButton } from "@/components/auth/sign-in-button";
import { currentActor } from "@/lib/auth/actor";
import { landingPath, sameSitePath } from "@/lib/auth/sign-in";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// NextAuth sends its errors here as ?error=…; say what happened in words a person can act on.
const ERRORS: Record<string, string> = {
  OAuthSignin: "GitHub could not be reached. Try again in a moment.",
  OAuthCallback: "GitHub's answer could not be checked. Start the sign-in again.",
  Callback: "Signing in failed part-way. Start the sign-in again.",
  AccessDenied: "That GitHub account has no access to Gatehouse.",
  AccountDisabled: "This account is disabled. Ask a platform admin to enable it again.",
  DemoIdentity: "That is a demo identity, which signs in only to the local demo. Sign in with your own GitHub account.",
  default: "Signing in failed. Try again.",
};

/** A parameter given once; a repeated one (an array) is no value this page takes. */
const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const [error, callbackUrl] = [single(query.error), single(query.callbackUrl)];
  // NextAuth comes back here after GitHub unless the person was sent from a page (callbackUrl): this page
  // decides where a signed-in person lands
  const actor = await currentActor();
  if (actor) redirect(await landingPath(actor));
  const next = sameSitePath(callbackUrl) ?? "/sign-in";
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Gatehouse</h1>
      <Card className="space-y-4">
        {error && (
          <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
            {/* own keys only: ?error=__proto__ would render Object.prototype */}
            {Object.hasOwn(ERRORS, error) ? ERRORS[error] : ERRORS.default}
          </p>
        )}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Use the GitHub account your team invited.</p>
        <SignInButton callbackUrl={next} />
      </Card>
    </main>
  );
}
