import type { Router } from 'express';
import type { MockContext } from '../../domain/mock-context.ts';
import { CHOOSE_SUPPLIER_PATH, openManufacturerLink } from './open-manufacturer-link.ts';
import { showSupplierReturn } from './show-supplier-return.ts';
import { submitSupplierChoice } from './submit-supplier-choice.ts';

/**
 * The energy-supplier selector of a manufacturer link session and NOX's return page. Registered before
 * flow 1's `/ui`: a token of a manufacturer link session opens the selector, any other goes on to flow 1.
 */
export function addSupplierSelectorRoutes(router: Router, ctx: MockContext): void {
  router.get(['/ui', '/'], openManufacturerLink(ctx));
  router.post(CHOOSE_SUPPLIER_PATH, submitSupplierChoice(ctx));
  router.get('/ui/supplier-return', showSupplierReturn(ctx));
}
