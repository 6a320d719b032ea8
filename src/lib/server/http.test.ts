import { error, isActionFailure, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Actor } from './auth/policy';
import type { Ctx } from './context';
import {
  field,
  filledFields,
  jsonBody,
  keptValues,
  withAction,
  withApi,
  withLoad,
  type FormFailure
} from './http';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from './services/shared/errors';

// The wrappers only hand the context on: a marked object shows it arrives untouched.
const ctx = { marker: 'the app context' } as unknown as Ctx;
const actor = { userId: 'u1', name: 'Test', memberships: [] } as unknown as Actor;

function event(opts: { signedIn?: boolean; form?: Record<string, string>; path?: string } = {}) {
  const url = new URL(`http://localhost${opts.path ?? '/avtal/a1/plan?ar=2020'}`);
  const body = new FormData();
  for (const [k, v] of Object.entries(opts.form ?? {})) body.append(k, v);
  return {
    url,
    params: { id: 'a1' },
    request: new Request(url, { method: 'POST', body }),
    locals: {
      ctx,
      actor: opts.signedIn === false ? null : actor,
      lang: 'sv' as const,
      sessionSecret: undefined
    }
  };
}

/** What a wrapper threw (a SvelteKit redirect or error), or a marker when it did not throw. */
async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return 'did not throw';
}

describe('withLoad', () => {
  it('hands the event, the app context and the actor to the load, and returns what it returns', async () => {
    const got = await withLoad(event(), ({ ctx: c, actor: a, params }) => ({
      c,
      a,
      id: params.id
    }));
    expect(got).toEqual({ c: ctx, a: actor, id: 'a1' });
  });

  it('sends someone not signed in to sign in, back to the same address afterwards', async () => {
    let ran = false;
    const e = await thrown(
      withLoad(
        event({ signedIn: false }),
        () => {
          ran = true;
        },
        { signIn: true }
      )
    );
    expect(isRedirect(e) && e.status).toBe(303);
    expect(isRedirect(e) && e.location).toBe('/logga-in?next=%2Favtal%2Fa1%2Fplan%3Far%3D2020');
    expect(ran).toBe(false);
  });

  it('maps service errors to their pages', async () => {
    const cases: [Error, boolean, number][] = [
      [new NotFoundError('Finns inte.'), true, 404],
      [new ForbiddenError('Får inte.'), true, 403],
      // Not signed in: 401, signing in might help.
      [new ForbiddenError('Får inte.'), false, 401],
      [new ValidationError([{ field: 'ar', message: 'Skriv ett år.' }]), true, 400]
    ];
    for (const [failure, signedIn, status] of cases) {
      const e = await thrown(
        withLoad(event({ signedIn }), () => {
          throw failure;
        })
      );
      expect(isHttpError(e) && e.status, failure.message).toBe(status);
      expect(isHttpError(e) && e.body.message).toBe(failure.message);
    }
  });

  it('turns UnauthenticatedError into the sign-in redirect', async () => {
    const e = await thrown(
      withLoad(event(), () => {
        throw new UnauthenticatedError();
      })
    );
    expect(isRedirect(e) && e.location).toMatch(/^\/logga-in\?next=/);
  });

  it("lets SvelteKit's own redirects and errors and anything unexpected pass through", async () => {
    const moved = await thrown(withLoad(event(), () => redirect(307, '/annat')));
    expect(isRedirect(moved) && [moved.status, moved.location]).toEqual([307, '/annat']);
    const gone = await thrown(withLoad(event(), () => error(410, 'Borta.')));
    expect(isHttpError(gone) && gone.status).toBe(410);
    const boom = new TypeError('oväntat');
    expect(
      await thrown(
        withLoad(event(), () => {
          throw boom;
        })
      )
    ).toBe(boom);
  });
});

describe('withAction', () => {
  it('reads the form once and returns what the action returns', async () => {
    const got = await withAction(event({ form: { title: 'Ny' } }), ({ form, ctx: c }) => ({
      title: form.get('title'),
      c
    }));
    expect(got).toEqual({ title: 'Ny', c: ctx });
  });

  it('answers a ValidationError with 400, the fields named and what was typed kept (never passwords)', async () => {
    const r = await withAction(
      event({ form: { title: '', password: 'hemligt', clientSecret: 'x' } }),
      () => {
        throw new ValidationError([{ field: 'title', message: 'Skriv en titel.' }]);
      },
      { which: 'head' }
    );
    expect(isActionFailure(r)).toBe(true);
    const f = r as { status: number; data: FormFailure };
    expect(f.status).toBe(400);
    expect(f.data.errors).toEqual([{ field: 'title', message: 'Skriv en titel.' }]);
    expect(f.data.values).toEqual({ title: '' });
    expect(f.data.which).toBe('head');
  });

  it('maps the other service errors to 403, 401 and 404 failures', async () => {
    for (const [failure, status] of [
      [new ForbiddenError(), 403],
      [new UnauthenticatedError(), 401],
      [new NotFoundError(), 404]
    ] as const) {
      const r: unknown = await withAction(event(), () => {
        throw failure;
      });
      expect(isActionFailure(r) && r.status).toBe(status);
    }
  });

  it('reads which form failed from the form, and keeps nothing when asked', async () => {
    const r = await withAction(
      event({ form: { id: 'f7', title: 'x' } }),
      () => {
        throw new ValidationError([{ field: 'title', message: 'Fel.' }]);
      },
      { which: (form) => `focus-${field(form, 'id')}`, keep: false }
    );
    const f = r as { data: FormFailure };
    expect(f.data.which).toBe('focus-f7');
    expect(f.data.values).toBeUndefined();
  });

  it('refuses an action that needs sign-in with 401, without running it', async () => {
    let ran = false;
    const r = await withAction(
      event({ signedIn: false }),
      () => {
        ran = true;
      },
      { signIn: true }
    );
    expect(isActionFailure(r) && r.status).toBe(401);
    expect(ran).toBe(false);
  });

  it('shows the 404 page instead of a form failure when asked', async () => {
    const e = await thrown(
      withAction(
        event(),
        () => {
          throw new NotFoundError('Enkäten finns inte.');
        },
        { notFoundPage: true }
      )
    );
    expect(isHttpError(e) && e.status).toBe(404);
  });

  it('lets a redirect after a successful change pass through', async () => {
    const e = await thrown(withAction(event(), () => redirect(303, '/klart')));
    expect(isRedirect(e) && e.location).toBe('/klart');
  });
});

describe('withApi', () => {
  it('passes an answer through', async () => {
    const r = await withApi(event(), () => new Response('ok', { status: 201 }));
    expect(r.status).toBe(201);
  });

  it('answers service errors as JSON with their status', async () => {
    for (const [failure, status, code] of [
      [new ValidationError([{ field: 'count', message: 'Skriv ett tal.' }]), 400, 'invalid'],
      [new UnauthenticatedError(), 401, 'unauthenticated'],
      [new ForbiddenError(), 403, 'forbidden'],
      [new NotFoundError(), 404, 'not-found']
    ] as const) {
      const r = await withApi(event(), () => {
        throw failure;
      });
      expect(r.status).toBe(status);
      expect((await r.json()).error).toBe(code);
    }
  });

  it('answers a call that needs sign-in with a JSON 401 that says how', async () => {
    const r = await withApi(event({ signedIn: false }), () => new Response('ok'), {
      signIn: true
    });
    expect(r.status).toBe(401);
    expect((await r.json()).message).toMatch(/API-nyckel/);
  });
});

describe('form helpers', () => {
  it('filledFields trims and leaves out empty fields', () => {
    const form = new FormData();
    form.append('a', '  x ');
    form.append('b', '   ');
    form.append('c', '');
    expect(filledFields(form)).toEqual({ a: 'x' });
  });

  it("field is '' for a missing field", () => {
    const form = new FormData();
    form.append('a', 'x');
    expect([field(form, 'a'), field(form, 'b')]).toEqual(['x', '']);
  });

  it('keptValues leaves out passwords and secrets', () => {
    const form = new FormData();
    for (const k of ['name', 'password', 'clientSecret', 'next']) form.append(k, 'v');
    expect(keptValues(form)).toEqual({ name: 'v' });
  });
});

describe('jsonBody', () => {
  const request = (text: string) =>
    new Request('http://localhost/api/v1/activities', { method: 'POST', body: text });
  const refusal = (text: string) =>
    jsonBody(request(text)).then(
      () => null,
      (e: unknown) => (e instanceof ValidationError ? e.fields : e)
    );

  it('names the field of a NUL character, inside arrays and objects as validation names fields', async () => {
    expect(await refusal('{"note": "a\\u0000b"}')).toEqual([
      { field: 'note', message: expect.stringMatching(/NUL/) }
    ]);
    expect(await refusal('{"partyIds": ["ok", "x\\u0000"]}')).toEqual([
      { field: 'partyIds.1', message: expect.stringMatching(/NUL/) }
    ]);
    expect(await refusal('{"place": {"name": "\\u0000"}}')).toEqual([
      { field: 'place.name', message: expect.stringMatching(/NUL/) }
    ]);
    expect(await refusal('"\\u0000"')).toEqual([
      { field: 'body', message: expect.stringMatching(/NUL/) }
    ]);
  });

  it('reads a body without NUL as it is, and names the body when it is not JSON', async () => {
    expect(await jsonBody(request('{"partyIds": ["a"], "count": 2}'))).toEqual({
      partyIds: ['a'],
      count: 2
    });
    expect(await refusal('{"count": ')).toEqual([
      { field: 'body', message: expect.stringMatching(/JSON/) }
    ]);
  });
});
