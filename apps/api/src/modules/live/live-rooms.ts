/** The socket.io room of an article's readers. */
export const articleRoom = (articleId: string): string => `article:${articleId}`;

/** The socket.io room of one signed-in reader's own sockets (on every instance, through the adapter). */
export const userRoom = (userId: string): string => `user:${userId}`;
