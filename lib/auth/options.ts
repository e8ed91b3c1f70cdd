import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { signInInput } from "@/lib/validation/account";
import { signInWithPassword } from "./accounts";
import { clientAddress } from "./rate-limit";
import { reportSignInRefusal } from "./signin-status";
import { authSecret } from "./secret";
import { endedByPasswordChange, SESSION_MAX_AGE } from "./session";

// Without NEXTAUTH_URL, next-auth v4 takes its origin from the Host header only when told to
// trust it; that lets sign-in work on whatever localhost port the server was started on.
process.env.AUTH_TRUST_HOST ??= "true";

let options: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/dang-nhap" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" }, locale: { type: "text" } },
        async authorize(credentials, req) {
          const locale = isLocale(credentials?.locale) ? credentials.locale : "vi";
          const parsed = signInInput.safeParse(credentials ?? {});
          // The thrown message reaches the sign-in form as `error`, already in the reader's language.
          if (!parsed.success) throw new Error(translator(locale, "Errors")("invalidCredentials"));
          const headers = new Headers();
          for (const [name, value] of Object.entries(req.headers ?? {})) if (typeof value === "string") headers.set(name, value);
          try {
            const user = await signInWithPassword(await getDb(), parsed.data.email, parsed.data.password, clientAddress(headers), parsed.data.code || undefined);
            return { id: user.id, name: user.name, email: user.email };
          } catch (error) {
            // Not a message but a signal: the form shows its code field (components/portal/sign-in-form.tsx).
            if (error instanceof AppError && error.code === "codeRequired") throw new Error("codeRequired");
            if (error instanceof AppError) {
              reportSignInRefusal(error);
              throw new Error(translator(locale, "Errors")(error.code, error.params));
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // Reading /api/auth/session re-encodes the token with a fresh `iat`: a session older than
      // the last password change must not come back to life that way. Throwing makes next-auth
      // clear the cookie. A database that cannot answer ends nothing; every API request checks again.
      async jwt({ token, user }) {
        const ended = !user && (await getDb().then((db) => endedByPasswordChange(db, token)).catch(() => false));
        if (ended) throw new Error("session ended by a password change");
        return token;
      },
    },
  };
  return options;
}
