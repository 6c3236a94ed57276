/**
 * canarykit's one JSON writer ({@link dev.canarykit.core.json.JsonWriter}): webhook bodies, revision hashes,
 * config checksums and the simulation report are all written by it. The core has no JSON library.
 *
 * <p>Not part of canarykit's API: it is public only so that canarykit's own packages and modules can share it,
 * and may change without notice.
 */
package dev.canarykit.core.json;
