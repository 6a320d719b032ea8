/**
 * A strict reader of RFC 7946 GeoJSON as the walks' open data writes it: a FeatureCollection of
 * Point features. Returns the problems ([] when valid), so a test names what is wrong.
 * No member RFC 7946 removed (`crs`), positions [longitude, latitude] within WGS 84's range.
 */
export function geoJsonProblems(value: unknown): string[] {
  const out: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return ['not an object'];
  if (value.type !== 'FeatureCollection') out.push('type is not FeatureCollection');
  if ('crs' in value) out.push('crs is not part of RFC 7946');
  if (!Array.isArray(value.features)) return [...out, 'features is not an array'];
  value.features.forEach((f: unknown, i) => {
    const at = `features[${i}]`;
    if (!isObject(f)) return out.push(`${at} is not an object`);
    if (f.type !== 'Feature') out.push(`${at}.type is not Feature`);
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number')
      out.push(`${at}.id is neither string nor number`);
    if (!('properties' in f) || (f.properties !== null && !isObject(f.properties)))
      out.push(`${at}.properties is neither an object nor null`);
    const g = f.geometry;
    if (!isObject(g)) return out.push(`${at}.geometry is not an object`);
    if (g.type !== 'Point') out.push(`${at}.geometry.type is not Point`);
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every(Number.isFinite))
      return out.push(`${at}.geometry.coordinates is not a position`);
    const [lng, lat] = c as number[];
    if (Math.abs(lng!) > 180) out.push(`${at} longitude ${lng} out of range`);
    if (Math.abs(lat!) > 90) out.push(`${at} latitude ${lat} out of range`);
  });
  return out;
}
