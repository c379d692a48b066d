/** What the customer reads for each failure code: NOX's callback codes first, then this app's own. */
export const failureTexts: Record<string, string> = {
  session_expired: 'The connection link expired before you finished. Please start again from your dashboard.',
  session_consumed: 'This connection link was already used. Please start again from your dashboard.',
  access_denied: 'You cancelled the login at your manufacturer, so nothing was connected.',
  no_devices: 'Your manufacturer account has no devices we could connect.',
  brand_unavailable: 'Your manufacturer cannot be reached right now. Please try again later.',
  duplicate_connection: 'This device is already connected to an account, so it was not connected again.',
  invalid_callback:
    'We could not verify the answer that came back from NOX, so nothing was connected. Please start again.',
  nox_unavailable:
    'NOX, our connection partner, could not help us just now. Please try again in a few minutes.',
  login_not_confirmed:
    'NOX did not accept this login: the connection was already used, ended or is unknown. Please start again from your manufacturer’s app.',
  not_logged_in: 'Please log in first, then connect your device from your dashboard.',
  not_connected: 'Connect your heat pump first; its settings appear here afterwards.',
  invalid_request: 'The request was not complete. Please start again from your dashboard.',
  internal_error: 'Something went wrong on our side. Please try again.',
};

const unknownCode = 'Something went wrong while connecting your device. Please try again later.';

export const failureText = (code: string) =>
  (Object.hasOwn(failureTexts, code) ? failureTexts[code] : undefined) ?? unknownCode;
