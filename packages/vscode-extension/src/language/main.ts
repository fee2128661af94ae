// The language server bundled into the extension: every editor feature and test runs of sample communes.
import '@ntm/language-server/main';
