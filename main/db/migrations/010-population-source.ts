import type { Migration } from './types';

/**
 * Where a compound's population figures come from (issue 8), and the register's own count kept beside them, so the
 * board can say which source each figure is and show where the register and the population table disagree.
 *
 * - `population_source`: 'entered' (typed in the form), 'compound_file' (a compounds GeoJSON with counts),
 *   'table' (人口底数统计表), 'register' (recomputed from 人口台账).
 * - `register_residents` / `register_households`: the register's count of the compound, NULL when it has no register.
 *
 * Rows written before: their register counts are counted from the resident table; a compound whose figures equal its
 * register's was last recomputed from it ('register'); every other one keeps 'entered' (a compound file and a typed
 * figure cannot be told apart afterwards).
 */
export const migration010: Migration = {
  version: 10,
  name: 'population-source',
  up(db) {
    db.exec(`
      ALTER TABLE compound ADD COLUMN population_source TEXT NOT NULL DEFAULT 'entered'
        CHECK (population_source IN ('entered', 'compound_file', 'table', 'register'));
      ALTER TABLE compound ADD COLUMN register_residents INTEGER CHECK (register_residents IS NULL OR register_residents >= 0);
      ALTER TABLE compound ADD COLUMN register_households INTEGER CHECK (register_households IS NULL OR register_households >= 0);

      UPDATE compound SET
        register_residents = (SELECT COUNT(*) FROM resident r WHERE r.compound_id = compound.id),
        register_households = (SELECT COUNT(*) FROM (SELECT DISTINCT building, household FROM resident r WHERE r.compound_id = compound.id))
      WHERE EXISTS (SELECT 1 FROM resident r WHERE r.compound_id = compound.id);

      UPDATE compound SET population_source = 'register'
      WHERE register_residents IS NOT NULL AND residents = register_residents AND households = register_households;
    `);
  },
};
