import type { Actor } from '$lib/server/auth/policy';
import type { Lang } from '$lib/i18n';

declare global {
  namespace App {
    interface Locals {
      actor: Actor | null;
      sessionSecret: string | undefined;
      lang: Lang;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
