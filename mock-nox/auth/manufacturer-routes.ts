import type { components } from '../../openapi/generated/nox-auth.ts';
import { manufacturerBrand, titleCased } from '../domain/manufacturer/manufacturer-brand.ts';
import {
  createManufacturerLinkSession,
  manufacturerLinkUrl,
} from '../domain/manufacturer/manufacturer-link-sessions.ts';
import { resolveManufacturerUser } from '../domain/manufacturer/manufacturer-users.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { pageLanguage } from '../domain/page-language.ts';
import { createApiRoute } from '../http/api-route.ts';
import { publicUrlOf } from '../http/public-url.ts';
import { createRouter, type Router } from '../http/router.ts';

type Schemas = components['schemas'];

/** The manufacturer's Authenticator API: v2 link sessions and device connections, and the deprecated v1 pair. */
export function createManufacturerRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-auth');

  router.post(
    '/v2/manufacturer/link-sessions',
    route({
      operation: 'createManufacturerLinkSession',
      kind: 'manufacturer',
      handle: ({ org, body, req, res }) => {
        manufacturerBrand(org);
        const session = createManufacturerLinkSession(ctx, org, {
          api_version: 'v2',
          manufacturer_user_id: body.user_id,
          redirect_url: body.redirect_url,
          language: body.language ?? 'nl',
        });
        const response: Schemas['CreateManufacturerLinkSessionResponse'] = {
          link_url: manufacturerLinkUrl(publicUrlOf(req), session),
          link_token: session.token,
          language: body.language ?? 'nl',
          redirect_url: session.redirect_url,
          manufacturer: org.name,
          manufacturer_user_id: session.manufacturer_user_id,
          created_at: session.created_at,
          expires_at: session.expires_at,
          brand: titleCased(org.name),
          completed_at: session.completed_at,
        };
        res.status(201).json(response);
      },
    }),
  );

  router.post(
    '/v2/manufacturer/device-connections',
    route({
      operation: 'createManufacturerDeviceConnection',
      kind: 'manufacturer',
      handle: ({ org, body, res }) => {
        const user = resolveManufacturerUser(ctx, org, body.user_id);
        const response: Schemas['CreateManufacturerDeviceConnectionResponse'] = {
          manufacturer_user_id: user.manufacturer_user_id,
          nox_user_id: user.nox_user_id,
        };
        res.status(201).json(response);
      },
    }),
  );

  router.post(
    '/manufacturers/nox',
    route({
      operation: 'connectNoxManufacturer',
      kind: 'manufacturer',
      v1: true,
      handle: ({ org, body, now, res }) => {
        const user = resolveManufacturerUser(ctx, org, body.manufacturer_user_id, body.device_ids);
        const response: Schemas['NoxManufacturerConnectionResponse'] = {
          success: true,
          timestamp: now,
          data: {
            manufacturer_user_id: user.manufacturer_user_id,
            nox_user_id: user.nox_user_id,
            device_ids: user.device_ids,
          },
        };
        res.status(200).json(response);
      },
    }),
  );

  router.post(
    '/manufacturers/suppliers',
    route({
      operation: 'connectSupplierManufacturer',
      kind: 'manufacturer',
      v1: true,
      handle: ({ org, body, req, res }) => {
        const session = createManufacturerLinkSession(ctx, org, {
          api_version: 'v1',
          manufacturer_user_id: body.manufacturer_user_id,
          redirect_url: body.redirect_url,
          language: pageLanguage(body.language, 'en'),
          device_ids: body.device_ids,
        });
        const response: Schemas['SupplierManufacturerConnectionResponse'] = {
          success: true,
          timestamp: session.created_at,
          data: {
            link_token: session.token,
            link_url: manufacturerLinkUrl(publicUrlOf(req), session),
            expires_at: session.expires_at,
            manufacturer: org.name,
            manufacturer_user_id: session.manufacturer_user_id,
            nox_user_id: session.nox_user_id ?? '',
            device_ids: session.device_ids,
          },
        };
        res.status(200).json(response);
      },
    }),
  );

  return router;
}
