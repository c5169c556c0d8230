// The system's OpenSSL libcrypto, for SHA-256 only (the book's hash chain; an import's file and rows, fed piece by piece through EVP).
#include <openssl/sha.h>
#include <openssl/evp.h>
