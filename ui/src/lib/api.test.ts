import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, api, toAppError } from './api';

afterEach(() => clearMocks());

describe('api', () => {
  it('sends each command with camelCase arguments and returns its answer', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((command, args) => {
      calls.push([command, args]);
      return { id: 'b1', name: 'Road trip', state: 'draft', createdAt: '', keptAt: null, entries: [] };
    });
    const bundle = await api.moveEntries('b1', ['e1'], 'e0');
    expect(bundle.name).toBe('Road trip');
    expect(calls).toEqual([['move_entries', { bundleId: 'b1', entryIds: ['e1'], after: 'e0' }]]);
  });

  it('turns an IpcError from the core into an AppError with its code and what premium it needs', async () => {
    mockIPC(() => {
      throw { code: 'premium_required', message: 'keeping a bundle needs Strand Premium', capability: 'keep_bundle' };
    });
    const failure = api.keepBundle('b1');
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({
      code: 'premium_required',
      message: 'keeping a bundle needs Strand Premium',
      capability: 'keep_bundle',
    });
  });

  it("turns Tauri's bare-string argument errors into invalid AppErrors", () => {
    const error = toAppError('invalid args `bundleId` for command `get_bundle`');
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('bundleId');
  });

  it('treats an object with an unknown code as internal rather than trusting it', () => {
    expect(toAppError({ code: 'root', message: 'x' }).code).toBe('internal');
    expect(toAppError(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
  });
});
