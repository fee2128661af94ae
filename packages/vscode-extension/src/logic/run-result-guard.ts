import type { RunSamplesResult, SampleCheckResult, SampleRunResult } from '../protocol.js';

/**
 * Type guards for the server's answer to `ntm/chayKiemThu`: the extension renders nothing it has not
 * checked, so a server of another version gives one clear message instead of exceptions in the UI.
 */
export function isRunSamplesResult(value: unknown): value is RunSamplesResult {
    return isObject(value) && Array.isArray(value['samples']) && value['samples'].every(isSampleRunResult);
}

function isSampleRunResult(value: unknown): value is SampleRunResult {
    return (
        isObject(value) &&
        typeof value['communeUri'] === 'string' &&
        optional(value['commune'], isString) &&
        optional(value['packUri'], isString) &&
        typeof value['ran'] === 'boolean' &&
        isStringArray(value['problems']) &&
        optional(value['warnings'], isStringArray) &&
        Array.isArray(value['checks']) &&
        value['checks'].every(isSampleCheckResult) &&
        optional(value['summary'], isString)
    );
}

function isSampleCheckResult(value: unknown): value is SampleCheckResult {
    return (
        isObject(value) &&
        typeof value['level'] === 'string' &&
        typeof value['label'] === 'string' &&
        typeof value['status'] === 'string' &&
        typeof value['passed'] === 'boolean' &&
        optional(value['official'], isString) &&
        optional(value['computed'], isString) &&
        optional(value['cause'], isString) &&
        optional(value['explanation'], isString) &&
        isStringArray(value['detail']) &&
        optional(value['location'], isLocation)
    );
}

function isLocation(value: unknown): boolean {
    const position = (p: unknown) => isObject(p) && typeof p['line'] === 'number' && typeof p['character'] === 'number';
    return (
        isObject(value) && typeof value['uri'] === 'string' && isObject(value['range']) && position(value['range']['start']) && position(value['range']['end'])
    );
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
    return typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
    return Array.isArray(value) && value.every(isString);
}

function optional(value: unknown, guard: (v: unknown) => boolean): boolean {
    return value === undefined || value === null || guard(value);
}
