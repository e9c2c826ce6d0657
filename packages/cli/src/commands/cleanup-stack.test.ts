import { describe, expect, it } from 'vitest';
import { CleanupStack } from './cleanup-stack.js';

describe('CleanupStack', () => {
  it('closes in reverse order, carries on past a failure, then reports it', async () => {
    const order: string[] = [];
    const stack = new CleanupStack();
    stack.add(() => {
      order.push('first');
    });
    stack.add(() => {
      throw new Error('second failed');
    });
    stack.add(async () => {
      order.push('third');
    });
    await expect(stack.closeAll()).rejects.toThrow('second failed');
    expect(order).toEqual(['third', 'first']);
    await stack.closeAll(); // nothing left to close
  });
});
