import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import type { RouteHandler, Router } from '../../http/router.ts';
import { CHOOSE_SUPPLIER_PATH, openManufacturerLink } from './open-manufacturer-link.ts';
import { showSupplierReturn } from './show-supplier-return.ts';
import { submitSupplierChoice } from './submit-supplier-choice.ts';

/**
 * The energy-supplier selector of a manufacturer link session and NOX's return page. `GET /ui` is shared
 * with flow 1: a token of a manufacturer link session opens the selector, any other goes on to `orElse`
 * (flow 1's link pages).
 */
export function addSupplierSelectorRoutes(router: Router, ctx: MockContext, orElse: RouteHandler): void {
  const open = openManufacturerLink(ctx);
  router.get('/ui', (req, res) => (open(req, res) ? undefined : orElse(req, res)));
  router.get('/', (req, res) => {
    if (!open(req, res)) throw errors.notFound(req.method, req.path);
  });
  router.post(CHOOSE_SUPPLIER_PATH, submitSupplierChoice(ctx));
  router.get('/ui/supplier-return', showSupplierReturn(ctx));
}
