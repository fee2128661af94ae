import { isOperationCancelled } from 'langium';
import { ResponseError } from 'vscode-languageserver';

/** Where a guarded provider reports what went wrong (the connection's console in the server). */
export type GuardLog = (message: string) => void;

let log: GuardLog = message => console.error(message);

/** Sends guard reports to the client's output instead of stderr, once a connection exists. */
export function setGuardLog(next: GuardLog): void {
    log = next;
}

/**
 * Wraps every method of a provider so that an internal error becomes an empty result (logged), never an
 * exception sent to the client: a hover on a half-typed line must not pop up an error. Cancellation and
 * deliberate `ResponseError`s (a rename refused with a reason) still reach the client.
 */
export function guarded<T extends object>(provider: T, name: string, empty: () => unknown = () => undefined): T {
    return new Proxy(provider, {
        get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver);
            if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
            return (...args: unknown[]) => {
                const fail = (error: unknown) => {
                    if (isOperationCancelled(error) || error instanceof ResponseError) throw error;
                    log(
                        `[ntm] ${name}.${property} gặp lỗi nội bộ, trả về kết quả rỗng: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
                    );
                    return empty();
                };
                try {
                    const result = (value as (...a: unknown[]) => unknown).apply(target, args);
                    return result instanceof Promise ? result.catch(fail) : result;
                } catch (error) {
                    return fail(error);
                }
            };
        }
    });
}
