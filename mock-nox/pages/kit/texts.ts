import { type FailureCode, failureDescriptions } from '../../domain/link/result-redirect.ts';
import type { Language } from '../../store/schema.ts';

// Every string the hosted pages show, per UI language; `{name}` marks a value filled in by `fill`.
const en = {
  footer: 'Simulated by nox-testkit. This is not the real NOX Energy.',
  dashboard: 'Developer dashboard',
  chooseBrand: 'Choose your brand',
  wantsToConnect: '{supplier} wants to connect to your {asset}.',
  chooseBrandIntro: 'Choose the manufacturer of your {asset} and log in with your account there.',
  searchBrand: 'Search for your brand',
  noBrandFound: 'No brand matches your search.',
  asset_hp: 'heat pump',
  asset_pv: 'solar installation',
  logInTo: 'Log in to {brand}',
  loginIntro: 'Log in with your {brand} account to share your devices with NOX Energy and {supplier}.',
  username: 'Username',
  password: 'Password',
  logIn: 'Log in',
  cancel: 'Cancel',
  fieldsRequired: 'Enter your username and password.',
  wrongPassword: 'The password is not correct. Try again.',
  accountLocked: 'This account is locked. You can only cancel.',
  testAccounts: 'Test accounts',
  testAccountsIntro: 'Any password works; the username decides what happens.',
  simulatedLogin: 'Simulated {brand} login',
  codeTitle: 'Enter your one-time code',
  codeIntro: '{brand} sent a one-time code to your phone.',
  codeHint: 'Test code: {code}',
  code: 'One-time code',
  verify: 'Verify',
  wrongCode: 'The code is not correct. Try again.',
  connected: 'Connected',
  connectedText: 'Your {asset} is now connected to {supplier}. You can close this window.',
  failed: 'The connection did not succeed',
  errorCode: 'Error code',
  errorTitle: 'This page cannot be shown',
  failures: failureDescriptions as Record<FailureCode, string>,
};

export type Texts = typeof en;

const nl: Texts = {
  footer: 'Gesimuleerd door nox-testkit. Dit is niet het echte NOX Energy.',
  dashboard: 'Dashboard voor ontwikkelaars',
  chooseBrand: 'Kies je merk',
  wantsToConnect: '{supplier} wil verbinding maken met je {asset}.',
  chooseBrandIntro: 'Kies de fabrikant van je {asset} en log daar in met je account.',
  searchBrand: 'Zoek je merk',
  noBrandFound: 'Geen merk gevonden.',
  asset_hp: 'warmtepomp',
  asset_pv: 'zonne-installatie',
  logInTo: 'Inloggen bij {brand}',
  loginIntro: 'Log in met je {brand}-account om je apparaten te delen met NOX Energy en {supplier}.',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  logIn: 'Inloggen',
  cancel: 'Annuleren',
  fieldsRequired: 'Vul je gebruikersnaam en wachtwoord in.',
  wrongPassword: 'Het wachtwoord is onjuist. Probeer het opnieuw.',
  accountLocked: 'Dit account is geblokkeerd. Je kunt alleen annuleren.',
  testAccounts: 'Testaccounts',
  testAccountsIntro: 'Elk wachtwoord werkt; de gebruikersnaam bepaalt wat er gebeurt.',
  simulatedLogin: 'Gesimuleerde inlog van {brand}',
  codeTitle: 'Voer je eenmalige code in',
  codeIntro: '{brand} heeft een eenmalige code naar je telefoon gestuurd.',
  codeHint: 'Testcode: {code}',
  code: 'Eenmalige code',
  verify: 'Bevestigen',
  wrongCode: 'De code is onjuist. Probeer het opnieuw.',
  connected: 'Verbonden',
  connectedText: 'Je {asset} is nu verbonden met {supplier}. Je kunt dit venster sluiten.',
  failed: 'De verbinding is niet gelukt',
  errorCode: 'Foutcode',
  errorTitle: 'Deze pagina kan niet worden getoond',
  failures: {
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
};

const fr: Texts = {
  footer: "Simulé par nox-testkit. Ceci n'est pas le vrai NOX Energy.",
  dashboard: 'Tableau de bord des développeurs',
  chooseBrand: 'Choisissez votre marque',
  wantsToConnect: '{supplier} souhaite se connecter à votre {asset}.',
  chooseBrandIntro: 'Choisissez le fabricant de votre {asset} et connectez-vous avec votre compte chez lui.',
  searchBrand: 'Rechercher votre marque',
  noBrandFound: 'Aucune marque ne correspond à votre recherche.',
  asset_hp: 'pompe à chaleur',
  asset_pv: 'installation solaire',
  logInTo: 'Se connecter à {brand}',
  loginIntro:
    'Connectez-vous avec votre compte {brand} pour partager vos appareils avec NOX Energy et {supplier}.',
  username: "Nom d'utilisateur",
  password: 'Mot de passe',
  logIn: 'Se connecter',
  cancel: 'Annuler',
  fieldsRequired: "Saisissez votre nom d'utilisateur et votre mot de passe.",
  wrongPassword: 'Le mot de passe est incorrect. Réessayez.',
  accountLocked: 'Ce compte est bloqué. Vous pouvez seulement annuler.',
  testAccounts: 'Comptes de test',
  testAccountsIntro: "Tout mot de passe fonctionne ; le nom d'utilisateur décide du résultat.",
  simulatedLogin: 'Connexion {brand} simulée',
  codeTitle: 'Saisissez votre code à usage unique',
  codeIntro: '{brand} a envoyé un code à usage unique sur votre téléphone.',
  codeHint: 'Code de test : {code}',
  code: 'Code à usage unique',
  verify: 'Vérifier',
  wrongCode: "Le code n'est pas correct. Réessayez.",
  connected: 'Connecté',
  connectedText: 'Votre {asset} est maintenant connectée à {supplier}. Vous pouvez fermer cette fenêtre.',
  failed: "La connexion n'a pas abouti",
  errorCode: "Code d'erreur",
  errorTitle: 'Cette page ne peut pas être affichée',
  failures: {
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
};

const es: Texts = {
  footer: 'Simulado por nox-testkit. Esto no es el NOX Energy real.',
  dashboard: 'Panel para desarrolladores',
  chooseBrand: 'Elige tu marca',
  wantsToConnect: '{supplier} quiere conectarse a tu {asset}.',
  chooseBrandIntro: 'Elige el fabricante de tu {asset} e inicia sesión con tu cuenta de ese fabricante.',
  searchBrand: 'Busca tu marca',
  noBrandFound: 'Ninguna marca coincide con tu búsqueda.',
  asset_hp: 'bomba de calor',
  asset_pv: 'instalación solar',
  logInTo: 'Iniciar sesión en {brand}',
  loginIntro:
    'Inicia sesión con tu cuenta de {brand} para compartir tus dispositivos con NOX Energy y {supplier}.',
  username: 'Nombre de usuario',
  password: 'Contraseña',
  logIn: 'Iniciar sesión',
  cancel: 'Cancelar',
  fieldsRequired: 'Introduce tu nombre de usuario y tu contraseña.',
  wrongPassword: 'La contraseña no es correcta. Inténtalo de nuevo.',
  accountLocked: 'Esta cuenta está bloqueada. Solo puedes cancelar.',
  testAccounts: 'Cuentas de prueba',
  testAccountsIntro: 'Cualquier contraseña sirve; el nombre de usuario decide lo que ocurre.',
  simulatedLogin: 'Inicio de sesión simulado de {brand}',
  codeTitle: 'Introduce tu código de un solo uso',
  codeIntro: '{brand} ha enviado un código de un solo uso a tu teléfono.',
  codeHint: 'Código de prueba: {code}',
  code: 'Código de un solo uso',
  verify: 'Verificar',
  wrongCode: 'El código no es correcto. Inténtalo de nuevo.',
  connected: 'Conectado',
  connectedText: 'Tu {asset} ya está conectada a {supplier}. Puedes cerrar esta ventana.',
  failed: 'La conexión no se ha completado',
  errorCode: 'Código de error',
  errorTitle: 'No se puede mostrar esta página',
  failures: {
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

const dictionary: Record<Language, Texts> = { nl, en, fr, es };

export function textsFor(language: Language): Texts {
  return dictionary[language];
}

/** Fills `{name}` placeholders; the result is plain text, escaped where the page prints it. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
