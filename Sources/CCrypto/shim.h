// The system's OpenSSL libcrypto, for SHA-256 only (the book's hash chain).
#include <openssl/sha.h>
