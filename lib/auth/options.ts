import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { findAccountById } from "@/lib/db/queries/accounts";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { componentLogger } from "@/lib/log";
import { localizeParams } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { signInInput } from "@/lib/validation/account";
import { signInWithPassword } from "./accounts";
import { clientAddress } from "./rate-limit";
import { reportSignInRefusal } from "./signin-status";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE, sessionEnded } from "./session";

// Without NEXTAUTH_URL, next-auth v4 takes its origin from the Host header only when told to
// trust it; that lets sign-in work on whatever localhost port the server was started on.
process.env.AUTH_TRUST_HOST ??= "true";

let options: AuthOptions | undefined;

const SESSION_ENDED = "session ended";

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
              throw new Error(translator(locale, "Errors")(error.code, localizeParams(error.params, locale)));
            }
            throw error;
          }
        },
      }),
    ],
    logger: {
      // An ended session refused by the jwt callback is expected (a tab of a signed-out device
      // polls /api/auth/session): one info line, not next-auth's error with a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) {
          componentLogger("auth").info("ended session not renewed");
          return;
        }
        console.error(`[next-auth][error][${code}]`, metadata instanceof Error ? metadata.message : "", metadata);
      },
    },
    callbacks: {
      // At sign-in the account's session version is fixed in the token (`sv`) and never changed
      // by a renewal. Reading /api/auth/session re-encodes the token with a fresh `iat`: a session
      // that has ended (older version, disabled or unknown account) must not be renewed that way.
      // Throwing makes next-auth answer with no session and clear the cookie. A database that
      // cannot answer ends nothing here; every API request and page checks again (callerFromCookies).
      async jwt({ token, user }) {
        if (user) {
          // Read here, not in authorize: a version raised in the milliseconds between the two
          // reads is given to the new session.
          const account = await findAccountById(await getDb(), user.id);
          if (!account || account.disabledAt) throw new Error("no active account at sign-in");
          return { ...token, sv: account.sessionVersion };
        }
        const ended = await getDb()
          .then((db) => sessionEnded(db, token))
          .catch(() => false);
        if (ended) throw new Error(SESSION_ENDED);
        return token;
      },
    },
  };
  return options;
}
