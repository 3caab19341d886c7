import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/** Applies every pending migration, each in its own transaction; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource: DataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
