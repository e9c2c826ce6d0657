// zod/mini, not classic zod: the VS Code extension bundles this entry, and classic zod was most of it.
import * as z from 'zod/mini';

// WHMCS's documented access-key alphabet: letters, digits and ! @ # $ % . ( ) * [ ] - _
const ACCESS_KEY = /^[A-Za-z0-9!@#$%.()*[\]_-]+$/;
const ADMIN_FOLDER = /^[A-Za-z0-9_-]+$/;

// Messages name the field but never echo its value: it may be a secret.
const apiCredentialSchema = z.object({
  kind: z.literal('api-credential'),
  identifier: z.string().check(z.trim(), z.minLength(1, 'the API identifier is empty')),
  secret: z.string().check(z.minLength(1, 'the API secret is empty')),
});

const adminLoginSchema = z.object({
  kind: z.literal('admin-login'),
  username: z.string().check(z.trim(), z.minLength(1, 'the admin username is empty')),
  password: z.string().check(z.minLength(1, 'the admin password is empty')),
});

export const whmcsAuthSchema = z.discriminatedUnion(
  'kind',
  [apiCredentialSchema, adminLoginSchema],
  'choose how to log in: an API credential (identifier and secret) or an admin login (username and password)',
);

export const whmcsConnectionSchema = z.object({
  url: z
    .string('the WHMCS URL is missing')
    .check(z.trim(), z.minLength(1, 'the WHMCS URL is empty')),
  auth: whmcsAuthSchema,
  accessKey: z.optional(
    z
      .string()
      .check(
        z.regex(
          ACCESS_KEY,
          'the access key may only contain letters, digits and ! @ # $ % . ( ) * [ ] - _',
        ),
      ),
  ),
  adminFolder: z.optional(
    z
      .string()
      .check(
        z.regex(ADMIN_FOLDER, 'the admin folder may only contain letters, digits, "-" and "_"'),
      ),
  ),
});
