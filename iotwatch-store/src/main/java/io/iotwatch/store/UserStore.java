package io.iotwatch.store;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Users and their API tokens. Only hashes of passwords and tokens are stored; hashing is the caller's.
 * Every change, and every login, is recorded in the audit log in the same transaction; {@code actor}
 * names who made a change.
 * Thread-safe; failures are {@link StoreException}s.
 */
public interface UserStore {

    /** How many users there are. */
    long count();

    /** Stores a new user; false, storing nothing, if a user of that name exists. */
    boolean create(User user, String actor);

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> list();

    /** @throws NoSuchElementException if there is no such user */
    void setPassword(String name, String passwordHash, String actor);

    /**
     * Gives the user another role, unless that would leave no admin. The check and the change are one
     * transaction under the store's writer lock, so two admins demoting each other at once through this store
     * cannot both succeed.
     *
     * @return the role the user had; when that is {@code role} already, nothing is changed or recorded
     * @throws NoSuchElementException if there is no such user
     * @throws IllegalStateException if the user is the last admin and {@code role} is not admin
     */
    UserRole setRole(String name, UserRole role, String actor);

    /** Deletes the user and its tokens; false if there was no such user. */
    boolean delete(String name, String actor);

    /** Notes a login of the user from {@code address}; nothing if the user is gone meanwhile. */
    void loggedIn(String name, Instant at, String address);

    /**
     * Stores a new token.
     *
     * @throws NoSuchElementException if its user does not exist
     */
    void addToken(ApiToken token);

    /** The token with this hash, if stored. */
    Optional<ApiToken> tokenByHash(String tokenHash);

    /** The user's tokens, oldest first. */
    List<ApiToken> tokens(String user);

    /** Deletes the user's token with this id; false if the user has none such. */
    boolean deleteToken(String user, String id);

    /** Notes a use of the token; nothing if it is gone meanwhile. */
    void tokenUsed(String id, Instant at);
}
