import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response. The dashboard's production build loads only
 * its own files: no inline script (the build's critical-CSS inlining, which adds an inline
 * `onload` handler, is off in apps/dashboard/project.json), no eval, nothing from another origin.
 * Inline styles stay allowed: Angular and Angular Material add `<style>` elements and style
 * attributes at run time; a style cannot run code. Nobody may frame the app (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  // The review queue previews a PDF certificate from a blob address the page itself made.
  'frame-src': ["'self'", 'blob:'],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * helmet with the policy above, X-Frame-Options DENY (browsers without frame-ancestors),
 * X-Content-Type-Options nosniff, and Referrer-Policy no-referrer: calendar feed URLs carry their
 * secret in the path and must never travel in a Referer header. HSTS is sent without
 * includeSubDomains, so a hospital's other hosts are not forced onto HTTPS by this one.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** API answers hold people's records: no browser or proxy keeps a copy unless a route says so. */
export const noStoreForApi: RequestHandler = (req, res, next) => {
  if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
};
