import type { components } from '../../openapi/generated/nox-auth.ts';
import { v1Brand, v2Brand } from '../domain/brand-choice.ts';
import { createLinkSession, linkUrl } from '../domain/link/link-sessions.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { isRedirectAllowed, policiesOf } from '../domain/organisations.ts';
import { pageLanguage } from '../domain/page-language.ts';
import { errors } from '../errors/error-templates.ts';
import { createApiRoute } from '../http/api-route.ts';
import { publicUrlOf } from '../http/public-url.ts';
import { createRouter, type Router } from '../http/router.ts';
import type { Organisation } from '../store/schema.ts';
import { createManufacturerRoutes } from './manufacturer-routes.ts';
import { createPostLoginRedirectRoutes } from './post-login-redirect-routes.ts';

type Schemas = components['schemas'];

/** The Authenticator API: supplier and manufacturer link sessions (v2 and deprecated v1), POST /post-login-redirect. */
export function createAuthRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-auth');
  /** The body sent has no asset_type and the caller's policy takes that as hp (the journal keeps it as sent). */
  const assetTypeDefaulted = (org: Organisation, sent: unknown) =>
    isObject(sent) && sent.asset_type === undefined && policiesOf(ctx, org).missing_asset_type === 'hp';

  router.post(
    '/v2/supplier/link-sessions',
    route({
      operation: 'createSupplierLinkSession',
      kind: 'supplier',
      // NOX's current page requires asset_type; the opt-in policy `missing_asset_type: hp` takes a missing
      // one as hp (the older render had no such field).
      bodyOf: (org, sent) =>
        assetTypeDefaulted(org, sent) ? { ...(sent as object), asset_type: 'hp' } : sent,
      handle: ({ org, body, req, res }) => {
        if (!isRedirectAllowed(org, body.redirect_url)) {
          throw errors.redirectNotAllowed('redirect_url', body.redirect_url, org.name, org.redirect_urls);
        }
        const assetType = body.asset_type;
        const session = createLinkSession(ctx, org, {
          api_version: 'v2',
          supplier_user_id: body.user_id,
          redirect_url: body.redirect_url,
          language: body.language ?? 'nl',
          asset_type: assetType,
          asset_type_defaulted: assetTypeDefaulted(org, req.body),
          brand: body.brand == null ? null : v2Brand(body.brand, assetType),
        });
        const response: Schemas['CreateSupplierLinkSessionResponse'] = {
          link_url: linkUrl(publicUrlOf(req), session),
          link_token: session.token,
          supplier: org.name,
          supplier_user_id: session.supplier_user_id,
          redirect_url: session.redirect_url,
          language: session.language,
          brand: body.brand ?? null,
          completed_at: session.completed_at,
          created_at: session.created_at,
          expires_at: session.expires_at,
        };
        res.status(201).json(response);
      },
    }),
  );

  router.post(
    '/users/:userId/link',
    route({
      operation: 'createLinkSession',
      kind: 'supplier',
      v1: true,
      handle: ({ org, body, param, req, res }) => {
        if (!isRedirectAllowed(org, body.redirect_uri)) {
          throw errors.redirectNotAllowed('redirect_uri', body.redirect_uri, org.name, org.redirect_urls);
        }
        const session = createLinkSession(ctx, org, {
          api_version: 'v1',
          supplier_user_id: param('userId'),
          redirect_url: body.redirect_uri,
          language: pageLanguage(body.language, 'en'),
          asset_type: 'hp',
          asset_type_defaulted: false,
          brand: body.brand === undefined ? null : v1Brand(body.brand),
        });
        const response: Schemas['LinkSessionResponseV1'] = {
          success: true,
          timestamp: session.created_at,
          data: {
            link_token: session.token,
            link_url: linkUrl(publicUrlOf(req), session),
            expires_at: session.expires_at,
            supplier_id: org.id,
            supplier_user_id: session.supplier_user_id,
            ...(body.brand === undefined ? {} : { brand: body.brand }),
          },
        };
        res.status(200).json(response);
      },
    }),
  );

  router.use(createManufacturerRoutes(ctx));
  router.use(createPostLoginRedirectRoutes(ctx));

  return router;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
