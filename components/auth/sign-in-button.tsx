"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("github", { callbackUrl });
      }}
    >
      {pending ? "Redirecting to GitHub…" : "Sign in with GitHub"}
    </Button>
  );
}
