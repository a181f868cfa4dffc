import type { Migration } from './types';

/**
 * Who last changed a street row (issue 4: every record carries the operator). NULL for rows written before this
 * version and for rows written while nobody is signed in at the desk (street data may be kept in routine times).
 */
export const migration009: Migration = {
  version: 9,
  name: 'street-operator',
  up(db) {
    db.exec(`
      ALTER TABLE community ADD COLUMN updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL;
      ALTER TABLE grid ADD COLUMN updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL;
      ALTER TABLE compound ADD COLUMN updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL;
      ALTER TABLE venue ADD COLUMN updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL;
    `);
  },
};
