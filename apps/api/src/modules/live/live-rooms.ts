/** The socket.io room of an article's readers. */
export const articleRoom = (articleId: string): string => `article:${articleId}`;
