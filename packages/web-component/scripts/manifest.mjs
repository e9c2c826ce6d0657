// Writes custom-elements.json (schema 2.1.0) from the hand-kept description, for editors and docs tools.
import { writeFile } from 'node:fs/promises';
import { description as d } from './element-description.mjs';

const declaration = {
  kind: 'class',
  name: d.className,
  tagName: d.tagName,
  customElement: true,
  summary: d.summary,
  superclass: { name: 'HTMLElement' },
  attributes: d.attributes.map(({ name, field, type, default: value, description }) => ({
    name,
    fieldName: field,
    type: { text: type },
    ...(value ? { default: value } : {}),
    description,
  })),
  members: [
    ...d.attributes.map(({ name, field, type, default: value, description }) => ({
      kind: 'field',
      name: field,
      attribute: name,
      reflects: true,
      type: { text: type },
      ...(value ? { default: value } : {}),
      description,
    })),
    ...d.properties.map(({ name, type, readonly, description }) => ({
      kind: 'field',
      name,
      type: { text: type },
      ...(readonly ? { readonly: true } : {}),
      description,
    })),
  ],
  events: d.events.map(({ name, type, description }) => ({
    name,
    type: { text: type },
    description,
  })),
  cssParts: d.parts,
  slots: d.slots,
  cssProperties: d.cssProperties.map(([name, description, value]) => ({
    name,
    description,
    default: value,
  })),
};

const manifest = {
  schemaVersion: '2.1.0',
  modules: [
    {
      kind: 'javascript-module',
      path: d.module,
      declarations: [declaration],
      exports: [
        { kind: 'js', name: d.className, declaration: { name: d.className, module: d.module } },
      ],
    },
    {
      kind: 'javascript-module',
      path: 'dist/define.js',
      declarations: [],
      exports: [
        {
          kind: 'custom-element-definition',
          name: d.tagName,
          declaration: { name: d.className, module: d.module },
        },
      ],
    },
  ],
};

await writeFile(
  new URL('../custom-elements.json', import.meta.url),
  `${JSON.stringify(manifest, null, 2)}\n`,
);
console.log('custom-elements.json written');
