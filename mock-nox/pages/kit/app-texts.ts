import type { FailureCode } from '../../domain/link/result-redirect.ts';
import type { Language } from '../../store/schema.ts';

// The strings of NOX's own app pages (web app, energy-supplier selector, return page); `{name}` is filled by `fill`.
const en = {
  appName: 'NOX Energy app',
  signInTitle: 'Sign in to NOX Energy',
  signInIntro: 'Sign in with the account of your heat pump’s manufacturer. Choose the manufacturer first.',
  appLoginIntro: 'Log in with your {brand} account to use the NOX Energy app.',
  hello: 'Hello, {account}',
  devicesFound: 'Heat pumps in your {brand} account: {count}',
  optimiseTitle: 'Turn on NOX optimisations',
  optimiseText:
    'NOX Energy runs your heat pump when energy is cheap and green, always within your comfort settings. It does this together with your energy supplier.',
  optimiseButton: 'Turn on NOX optimisations',
  optimisedBy: 'NOX optimisations are on with {supplier}.',
  noDevicesHere: 'Your {brand} account has no heat pump that NOX Energy can optimise.',
  settingsLink: 'Comfort settings',
  signOut: 'Sign out',
  back: 'Back',
  chooseSupplier: 'Choose your energy supplier',
  chooseSupplierIntro:
    'NOX Energy optimises your {asset} together with your energy supplier. Choose yours: you then log in there and accept its terms.',
  noSuppliers: 'No energy supplier offers NOX optimisations yet.',
  supplierUnknown: 'Choose one of the energy suppliers in the list.',
  connectedTitle: 'NOX optimisations are on',
  connectedText:
    'Your {asset} is now connected to {supplier}. NOX Energy optimises it within your comfort settings.',
  failedTitle: 'NOX optimisations were not turned on',
  tryAgain: 'Try again',
  backToApp: 'Back to the NOX Energy app',
  returnTo: 'Return to {manufacturer}',
  closeWindow: 'You can close this window.',
  errorCode: 'Error code',
  settingsTitle: 'Comfort settings',
  settingsIntro:
    'NOX Energy keeps your home within these bounds while it optimises. Your energy supplier and {brand} see the same settings.',
  settingsNotLinked: 'Turn on NOX optimisations first: the settings apply once your heat pump is connected.',
  roomGroup: 'Room temperature',
  preferredTemperature: 'Preferred temperature (°C)',
  roomLower: 'It may go down by at most (°C)',
  roomUpper: 'It may go up by at most (°C)',
  dhwGroup: 'Hot water',
  dhwLower: 'Lowest hot-water temperature (°C)',
  dhwUpper: 'Highest hot-water temperature (°C)',
  optimisationsGroup: 'Optimisations',
  pvSelfConsumption: 'Use my own solar power first',
  dynamicTariff: 'Follow the dynamic energy price',
  flexTrading: 'Flexibility trading (cannot be combined with the other two)',
  save: 'Save',
  saved: 'Your settings are saved.',
  badNumber: '{field}: enter a number from {min} to {max}.',
  dhwBoundsCrossed: 'The lowest hot-water temperature must not be above the highest.',
  flexExclusive: 'Flexibility trading cannot be combined with the other optimisations.',
  legionella: 'Below 40 °C legionella bacteria can grow in the hot water: only set this during a holiday.',
  settingsRefused: 'NOX Energy did not accept these settings: {reason}',
  failures: {
    session_expired:
      'Connecting took too long, so it was stopped for your security. Nothing was connected. Please start again.',
    session_consumed: 'This link has already been used. Start again from the app to connect.',
    access_denied:
      'The connection was cancelled, or the terms of your energy supplier were not accepted. Nothing was connected.',
    no_devices: 'Your manufacturer account has no device that can be connected.',
    brand_unavailable: 'Your manufacturer cannot be reached right now. Please try again later.',
    duplicate_connection:
      'Your device is already connected to another account, so it was not connected again. Contact your energy supplier if you did not expect this.',
    supplier_not_confirmed:
      '{supplier} did not confirm your login, so nothing was connected. Please try again; if this keeps happening, contact {supplier}.',
  } satisfies Record<FailureCode, string>,
};

export type AppTexts = typeof en;

const nl: AppTexts = {
  appName: 'NOX Energy-app',
  signInTitle: 'Inloggen bij NOX Energy',
  signInIntro: 'Log in met het account van de fabrikant van je warmtepomp. Kies eerst de fabrikant.',
  appLoginIntro: 'Log in met je {brand}-account om de NOX Energy-app te gebruiken.',
  hello: 'Hallo, {account}',
  devicesFound: 'Warmtepompen in je {brand}-account: {count}',
  optimiseTitle: 'NOX-optimalisaties aanzetten',
  optimiseText:
    'NOX Energy laat je warmtepomp draaien als energie goedkoop en groen is, altijd binnen je comfortinstellingen. Dat doet NOX samen met je energieleverancier.',
  optimiseButton: 'NOX-optimalisaties aanzetten',
  optimisedBy: 'NOX-optimalisaties staan aan met {supplier}.',
  noDevicesHere: 'Je {brand}-account heeft geen warmtepomp die NOX Energy kan optimaliseren.',
  settingsLink: 'Comfortinstellingen',
  signOut: 'Uitloggen',
  back: 'Terug',
  chooseSupplier: 'Kies je energieleverancier',
  chooseSupplierIntro:
    'NOX Energy optimaliseert je {asset} samen met je energieleverancier. Kies de jouwe: daarna log je daar in en accepteer je de voorwaarden.',
  noSuppliers: 'Nog geen energieleverancier biedt NOX-optimalisaties aan.',
  supplierUnknown: 'Kies een van de energieleveranciers uit de lijst.',
  connectedTitle: 'NOX-optimalisaties staan aan',
  connectedText:
    'Je {asset} is nu verbonden met {supplier}. NOX Energy optimaliseert hem binnen je comfortinstellingen.',
  failedTitle: 'NOX-optimalisaties zijn niet aangezet',
  tryAgain: 'Opnieuw proberen',
  backToApp: 'Terug naar de NOX Energy-app',
  returnTo: 'Terug naar {manufacturer}',
  closeWindow: 'Je kunt dit venster sluiten.',
  errorCode: 'Foutcode',
  settingsTitle: 'Comfortinstellingen',
  settingsIntro:
    'NOX Energy houdt je huis binnen deze grenzen terwijl het optimaliseert. Je energieleverancier en {brand} zien dezelfde instellingen.',
  settingsNotLinked:
    'Zet eerst NOX-optimalisaties aan: de instellingen gelden zodra je warmtepomp verbonden is.',
  roomGroup: 'Kamertemperatuur',
  preferredTemperature: 'Gewenste temperatuur (°C)',
  roomLower: 'Mag maximaal zoveel dalen (°C)',
  roomUpper: 'Mag maximaal zoveel stijgen (°C)',
  dhwGroup: 'Warm water',
  dhwLower: 'Laagste warmwatertemperatuur (°C)',
  dhwUpper: 'Hoogste warmwatertemperatuur (°C)',
  optimisationsGroup: 'Optimalisaties',
  pvSelfConsumption: 'Eerst mijn eigen zonnestroom gebruiken',
  dynamicTariff: 'De dynamische energieprijs volgen',
  flexTrading: 'Flexibiliteitshandel (niet te combineren met de andere twee)',
  save: 'Opslaan',
  saved: 'Je instellingen zijn opgeslagen.',
  badNumber: '{field}: vul een getal in van {min} tot {max}.',
  dhwBoundsCrossed: 'De laagste warmwatertemperatuur mag niet hoger zijn dan de hoogste.',
  flexExclusive: 'Flexibiliteitshandel kan niet samen met de andere optimalisaties.',
  legionella:
    'Onder 40 °C kan legionella groeien in het warme water: stel dit alleen in tijdens een vakantie.',
  settingsRefused: 'NOX Energy heeft deze instellingen niet geaccepteerd: {reason}',
  failures: {
    session_expired:
      'Het verbinden duurde te lang en is voor je veiligheid gestopt. Er is niets verbonden. Begin opnieuw.',
    session_consumed: 'Deze link is al gebruikt. Begin opnieuw vanuit de app om te verbinden.',
    access_denied:
      'Het verbinden is geannuleerd, of de voorwaarden van je energieleverancier zijn niet geaccepteerd. Er is niets verbonden.',
    no_devices: 'Je account bij de fabrikant heeft geen apparaat dat verbonden kan worden.',
    brand_unavailable: 'Je fabrikant is op dit moment niet bereikbaar. Probeer het later opnieuw.',
    duplicate_connection:
      'Je apparaat is al verbonden met een ander account en is daarom niet opnieuw verbonden. Neem contact op met je energieleverancier als je dit niet verwachtte.',
    supplier_not_confirmed:
      '{supplier} heeft je inlog niet bevestigd, dus er is niets verbonden. Probeer het opnieuw; gebeurt dit vaker, neem dan contact op met {supplier}.',
  },
};

const fr: AppTexts = {
  appName: 'Application NOX Energy',
  signInTitle: 'Se connecter à NOX Energy',
  signInIntro:
    'Connectez-vous avec le compte du fabricant de votre pompe à chaleur. Choisissez d’abord le fabricant.',
  appLoginIntro: 'Connectez-vous avec votre compte {brand} pour utiliser l’application NOX Energy.',
  hello: 'Bonjour, {account}',
  devicesFound: 'Pompes à chaleur de votre compte {brand} : {count}',
  optimiseTitle: 'Activer les optimisations NOX',
  optimiseText:
    'NOX Energy fait fonctionner votre pompe à chaleur quand l’énergie est bon marché et verte, toujours dans vos réglages de confort, avec votre fournisseur d’énergie.',
  optimiseButton: 'Activer les optimisations NOX',
  optimisedBy: 'Les optimisations NOX sont actives avec {supplier}.',
  noDevicesHere: 'Votre compte {brand} n’a aucune pompe à chaleur que NOX Energy peut optimiser.',
  settingsLink: 'Réglages de confort',
  signOut: 'Se déconnecter',
  back: 'Retour',
  chooseSupplier: 'Choisissez votre fournisseur d’énergie',
  chooseSupplierIntro:
    'NOX Energy optimise votre {asset} avec votre fournisseur d’énergie. Choisissez le vôtre : vous vous y connecterez et accepterez ses conditions.',
  noSuppliers: 'Aucun fournisseur d’énergie ne propose encore les optimisations NOX.',
  supplierUnknown: 'Choisissez l’un des fournisseurs d’énergie de la liste.',
  connectedTitle: 'Les optimisations NOX sont actives',
  connectedText:
    'Votre {asset} est maintenant connectée à {supplier}. NOX Energy l’optimise dans vos réglages de confort.',
  failedTitle: 'Les optimisations NOX n’ont pas été activées',
  tryAgain: 'Réessayer',
  backToApp: 'Retour à l’application NOX Energy',
  returnTo: 'Retour à {manufacturer}',
  closeWindow: 'Vous pouvez fermer cette fenêtre.',
  errorCode: 'Code d’erreur',
  settingsTitle: 'Réglages de confort',
  settingsIntro:
    'NOX Energy garde votre logement dans ces limites pendant l’optimisation. Votre fournisseur d’énergie et {brand} voient les mêmes réglages.',
  settingsNotLinked:
    'Activez d’abord les optimisations NOX : les réglages s’appliquent dès que votre pompe à chaleur est connectée.',
  roomGroup: 'Température ambiante',
  preferredTemperature: 'Température souhaitée (°C)',
  roomLower: 'Baisse maximale (°C)',
  roomUpper: 'Hausse maximale (°C)',
  dhwGroup: 'Eau chaude',
  dhwLower: 'Température d’eau chaude minimale (°C)',
  dhwUpper: 'Température d’eau chaude maximale (°C)',
  optimisationsGroup: 'Optimisations',
  pvSelfConsumption: 'Utiliser d’abord mon électricité solaire',
  dynamicTariff: 'Suivre le prix dynamique de l’énergie',
  flexTrading: 'Échange de flexibilité (incompatible avec les deux autres)',
  save: 'Enregistrer',
  saved: 'Vos réglages sont enregistrés.',
  badNumber: '{field} : saisissez un nombre de {min} à {max}.',
  dhwBoundsCrossed: 'La température d’eau chaude minimale ne doit pas dépasser la maximale.',
  flexExclusive: 'L’échange de flexibilité ne peut pas être combiné avec les autres optimisations.',
  legionella:
    'En dessous de 40 °C, la légionelle peut se développer dans l’eau chaude : ne choisissez cela que pendant des vacances.',
  settingsRefused: 'NOX Energy n’a pas accepté ces réglages : {reason}',
  failures: {
    session_expired:
      'La connexion a pris trop de temps et a été arrêtée pour votre sécurité. Rien n’a été connecté. Veuillez recommencer.',
    session_consumed: 'Ce lien a déjà été utilisé. Recommencez depuis l’application pour vous connecter.',
    access_denied:
      'La connexion a été annulée, ou les conditions de votre fournisseur d’énergie n’ont pas été acceptées. Rien n’a été connecté.',
    no_devices: 'Votre compte chez le fabricant n’a aucun appareil pouvant être connecté.',
    brand_unavailable: 'Votre fabricant est injoignable pour le moment. Veuillez réessayer plus tard.',
    duplicate_connection:
      'Votre appareil est déjà connecté à un autre compte : il n’a donc pas été connecté à nouveau. Contactez votre fournisseur d’énergie si cela vous surprend.',
    supplier_not_confirmed:
      '{supplier} n’a pas confirmé votre connexion : rien n’a été connecté. Veuillez réessayer ; si cela se reproduit, contactez {supplier}.',
  },
};

const es: AppTexts = {
  appName: 'App de NOX Energy',
  signInTitle: 'Inicia sesión en NOX Energy',
  signInIntro:
    'Inicia sesión con la cuenta del fabricante de tu bomba de calor. Elige primero el fabricante.',
  appLoginIntro: 'Inicia sesión con tu cuenta de {brand} para usar la app de NOX Energy.',
  hello: 'Hola, {account}',
  devicesFound: 'Bombas de calor en tu cuenta de {brand}: {count}',
  optimiseTitle: 'Activar las optimizaciones de NOX',
  optimiseText:
    'NOX Energy hace funcionar tu bomba de calor cuando la energía es barata y verde, siempre dentro de tus ajustes de confort, junto con tu proveedor de energía.',
  optimiseButton: 'Activar las optimizaciones de NOX',
  optimisedBy: 'Las optimizaciones de NOX están activas con {supplier}.',
  noDevicesHere: 'Tu cuenta de {brand} no tiene ninguna bomba de calor que NOX Energy pueda optimizar.',
  settingsLink: 'Ajustes de confort',
  signOut: 'Cerrar sesión',
  back: 'Volver',
  chooseSupplier: 'Elige tu proveedor de energía',
  chooseSupplierIntro:
    'NOX Energy optimiza tu {asset} junto con tu proveedor de energía. Elige el tuyo: después inicias sesión allí y aceptas sus condiciones.',
  noSuppliers: 'Todavía ningún proveedor de energía ofrece las optimizaciones de NOX.',
  supplierUnknown: 'Elige uno de los proveedores de energía de la lista.',
  connectedTitle: 'Las optimizaciones de NOX están activas',
  connectedText:
    'Tu {asset} ya está conectada a {supplier}. NOX Energy la optimiza dentro de tus ajustes de confort.',
  failedTitle: 'Las optimizaciones de NOX no se han activado',
  tryAgain: 'Intentar de nuevo',
  backToApp: 'Volver a la app de NOX Energy',
  returnTo: 'Volver a {manufacturer}',
  closeWindow: 'Puedes cerrar esta ventana.',
  errorCode: 'Código de error',
  settingsTitle: 'Ajustes de confort',
  settingsIntro:
    'NOX Energy mantiene tu casa dentro de estos límites mientras optimiza. Tu proveedor de energía y {brand} ven los mismos ajustes.',
  settingsNotLinked:
    'Activa primero las optimizaciones de NOX: los ajustes se aplican en cuanto tu bomba de calor esté conectada.',
  roomGroup: 'Temperatura de la casa',
  preferredTemperature: 'Temperatura preferida (°C)',
  roomLower: 'Puede bajar como máximo (°C)',
  roomUpper: 'Puede subir como máximo (°C)',
  dhwGroup: 'Agua caliente',
  dhwLower: 'Temperatura mínima del agua caliente (°C)',
  dhwUpper: 'Temperatura máxima del agua caliente (°C)',
  optimisationsGroup: 'Optimizaciones',
  pvSelfConsumption: 'Usar primero mi propia energía solar',
  dynamicTariff: 'Seguir el precio dinámico de la energía',
  flexTrading: 'Comercio de flexibilidad (no combinable con las otras dos)',
  save: 'Guardar',
  saved: 'Tus ajustes se han guardado.',
  badNumber: '{field}: introduce un número de {min} a {max}.',
  dhwBoundsCrossed: 'La temperatura mínima del agua caliente no puede ser mayor que la máxima.',
  flexExclusive: 'El comercio de flexibilidad no se puede combinar con las otras optimizaciones.',
  legionella:
    'Por debajo de 40 °C puede crecer la legionela en el agua caliente: elige esto solo durante unas vacaciones.',
  settingsRefused: 'NOX Energy no ha aceptado estos ajustes: {reason}',
  failures: {
    session_expired:
      'La conexión tardó demasiado y se detuvo por tu seguridad. No se ha conectado nada. Vuelve a empezar.',
    session_consumed: 'Este enlace ya se ha utilizado. Vuelve a empezar desde la app para conectar.',
    access_denied:
      'La conexión se canceló o no se aceptaron las condiciones de tu proveedor de energía. No se ha conectado nada.',
    no_devices: 'Tu cuenta del fabricante no tiene ningún dispositivo que se pueda conectar.',
    brand_unavailable: 'No se puede contactar con tu fabricante en este momento. Inténtalo más tarde.',
    duplicate_connection:
      'Tu dispositivo ya está conectado a otra cuenta, así que no se ha vuelto a conectar. Contacta con tu proveedor de energía si no lo esperabas.',
    supplier_not_confirmed:
      '{supplier} no ha confirmado tu inicio de sesión, así que no se ha conectado nada. Inténtalo de nuevo; si vuelve a pasar, contacta con {supplier}.',
  },
};

const dictionary: Record<Language, AppTexts> = { nl, en, fr, es };

/** The texts of NOX's own app pages in a UI language; flow 1's texts stay in texts.ts. */
export function appTextsFor(language: Language): AppTexts {
  return dictionary[language];
}
