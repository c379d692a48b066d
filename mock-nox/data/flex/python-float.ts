/**
 * A number as Python's str(float) writes it, as NOX's FastAPI service puts a float query value into a
 * message ("for 500.0 kWh."): always a decimal point, exponent form below 1e-4 and from 1e16.
 */
export function pythonFloat(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = String(value);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}
