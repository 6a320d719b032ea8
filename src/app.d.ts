import type { Actor } from '$lib/server/auth/policy';
import type { Lang } from '$lib/i18n';
import type { Ctx } from '$lib/server/context';

declare global {
  namespace App {
    interface Locals {
      actor: Actor | null;
      sessionSecret: string | undefined;
      lang: Lang;
      /** The application's context (database, settings, clock), set once per request by hooks.server.ts. */
      ctx: Ctx;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
