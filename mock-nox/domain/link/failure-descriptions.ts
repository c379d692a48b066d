import type { Language } from '../../store/schema.ts';

/**
 * The `error_description` of each failure code, per language: what NOX sends back with `error=` (and shows
 * on its own result page) when a link session fails. In flow 1 the user logs in at the manufacturer, so
 * `access_denied` is a cancel there.
 */
const en = {
  session_expired: 'The link session expired before the user finished. Create a new link session.',
  session_consumed: 'This link session was already used. Create a new link session for every attempt.',
  access_denied: 'The user cancelled the login at the manufacturer.',
  no_devices: 'The manufacturer account has no devices that can be connected.',
  brand_unavailable: 'The manufacturer cannot be reached right now. Try again later.',
  duplicate_connection:
    'This connection already exists for another user or is refused by the relinking policy.',
  supplier_not_confirmed:
    'The user came back from the energy supplier before the supplier confirmed the login (POST /post-login-redirect).',
};

/** The failure codes of the result redirects. */
export type FailureCode = keyof typeof en;

export const failureDescriptions: Record<Language, Record<FailureCode, string>> = {
  en,
  nl: {
    session_expired:
      'De koppelsessie is verlopen voordat de gebruiker klaar was. Maak een nieuwe koppelsessie aan.',
    session_consumed: 'Deze koppelsessie is al gebruikt. Maak voor elke poging een nieuwe koppelsessie aan.',
    access_denied: 'De gebruiker heeft het inloggen bij de fabrikant geannuleerd.',
    no_devices: 'Het account bij de fabrikant heeft geen apparaten die gekoppeld kunnen worden.',
    brand_unavailable: 'De fabrikant is op dit moment niet bereikbaar. Probeer het later opnieuw.',
    duplicate_connection:
      'Deze koppeling bestaat al voor een andere gebruiker of wordt geweigerd door het koppelbeleid.',
    supplier_not_confirmed:
      'De gebruiker kwam terug van de energieleverancier voordat die de inlog bevestigde (POST /post-login-redirect).',
  },
  fr: {
    session_expired: 'La session de liaison a expiré avant la fin. Créez une nouvelle session de liaison.',
    session_consumed:
      'Cette session de liaison a déjà été utilisée. Créez-en une nouvelle pour chaque essai.',
    access_denied: "L'utilisateur a annulé la connexion chez le fabricant.",
    no_devices: "Le compte chez le fabricant n'a aucun appareil pouvant être connecté.",
    brand_unavailable: 'Le fabricant est injoignable pour le moment. Réessayez plus tard.',
    duplicate_connection:
      'Cette connexion existe déjà pour un autre utilisateur ou est refusée par la règle de reconnexion.',
    supplier_not_confirmed:
      "L'utilisateur est revenu du fournisseur d'énergie avant que celui-ci confirme la connexion (POST /post-login-redirect).",
  },
  es: {
    session_expired:
      'La sesión de vinculación caducó antes de terminar. Crea una nueva sesión de vinculación.',
    session_consumed: 'Esta sesión de vinculación ya se utilizó. Crea una nueva para cada intento.',
    access_denied: 'El usuario canceló el inicio de sesión en el fabricante.',
    no_devices: 'La cuenta del fabricante no tiene dispositivos que se puedan conectar.',
    brand_unavailable: 'No se puede contactar con el fabricante en este momento. Inténtalo más tarde.',
    duplicate_connection:
      'Esta conexión ya existe para otro usuario o la rechaza la política de revinculación.',
    supplier_not_confirmed:
      'El usuario volvió del proveedor de energía antes de que este confirmara el inicio de sesión (POST /post-login-redirect).',
  },
};

/**
 * In flow 2 (a manufacturer's link session, the deprecated manufacturer endpoint) the user logs in and
 * accepts the terms at the energy supplier: `access_denied` is the supplier's `error=access_denied`, a
 * refusal or cancel there, never a cancel at the manufacturer.
 */
const refusedAtSupplier: Record<Language, string> = {
  en: "The user refused the energy supplier's terms or cancelled the login at the energy supplier.",
  nl: 'De gebruiker heeft de voorwaarden van de energieleverancier geweigerd of het inloggen bij de energieleverancier geannuleerd.',
  fr: "L'utilisateur a refusé les conditions du fournisseur d'énergie ou annulé la connexion chez le fournisseur d'énergie.",
  es: 'El usuario rechazó las condiciones del proveedor de energía o canceló el inicio de sesión en el proveedor de energía.',
};

/** The `error_description` for a failure of a link session (flow 1) or a manufacturer's (flow 2), in its language. */
export function failureDescription(
  code: FailureCode,
  language: Language,
  flow: 'supplier' | 'manufacturer',
): string {
  if (flow === 'manufacturer' && code === 'access_denied') return refusedAtSupplier[language];
  return failureDescriptions[language][code];
}
